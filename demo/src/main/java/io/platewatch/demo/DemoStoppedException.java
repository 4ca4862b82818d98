package io.platewatch.demo;

/** A stop (Ctrl-C, SIGTERM) was asked for while the demo was still starting. */
final class DemoStoppedException extends RuntimeException {

    DemoStoppedException() {
        super("stopped while starting", null, false, false);
    }
}
