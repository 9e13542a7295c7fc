package dev.sitepulse.pinger.internal.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * The platform's sockets with Nagle's algorithm off. OkHttp leaves it on, so a small write that
 * follows one not yet acknowledged (the request right after the handshake's last TLS message, a
 * body after its headers) waits for the server's ACK, which a server delaying its ACKs sends some
 * 40 ms later: the exchange would read that much slower than it is. OkHttp layers TLS over the
 * socket this makes, so https gets it too.
 */
final class NoDelaySocketFactory extends SocketFactory {

  static final NoDelaySocketFactory INSTANCE = new NoDelaySocketFactory();

  private final SocketFactory platform = SocketFactory.getDefault();

  private NoDelaySocketFactory() {}

  /** What OkHttp calls: it connects the socket itself. */
  @Override
  public Socket createSocket() throws IOException {
    return noDelay(platform.createSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(platform.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return noDelay(platform.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(platform.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return noDelay(platform.createSocket(address, port, localAddress, localPort));
  }

  private static Socket noDelay(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }
}
