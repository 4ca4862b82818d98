package io.platewatch.infra.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback port checks: is a port free to bind, does something accept on it, pick a free one. */
public final class Ports {

    /** Every server of the stack listens on loopback only. */
    public static final String HOST = "127.0.0.1";

    private Ports() {}

    /** True when a server socket can be bound to {@code port} on loopback right now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * True when something accepts a TCP connection on {@code port} within {@code timeoutMillis}.
     */
    public static boolean accepts(int port, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), timeoutMillis);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * An ephemeral port that was free a moment ago. Another process may take it before the server
     * binds it; the server's start then fails on the port check with a clear message.
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }
}
