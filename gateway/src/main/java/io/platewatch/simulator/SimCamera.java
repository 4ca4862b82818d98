package io.platewatch.simulator;

/**
 * A simulated camera.
 *
 * @param id our camera id
 * @param openAlprId the numeric id an OpenALPR agent would give it
 * @param siteId site it watches
 * @param organisationId organisation running the site
 * @param lat latitude of the camera
 * @param lon longitude of the camera
 * @param facingDegrees compass heading of traffic approaching the camera
 */
public record SimCamera(
        String id,
        int openAlprId,
        String siteId,
        String organisationId,
        double lat,
        double lon,
        float facingDegrees) {}
