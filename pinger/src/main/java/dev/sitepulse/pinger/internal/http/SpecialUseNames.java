package dev.sitepulse.pinger.internal.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import okhttp3.Dns;

/**
 * Name lookups that answer a {@code .invalid} name (RFC 6761, section 6.4) at once, as a name that
 * does not resolve, instead of asking the system's resolver: the RFC asks resolver libraries to
 * do so, and Java's does not. Without network (the demo's {@code no-such-host.invalid}) the
 * question would otherwise wait out the resolver's own timeout. Every other name goes to the
 * system's resolver. Checks and fetches ({@link HttpClients}) and webhooks use it.
 */
public final class SpecialUseNames implements Dns {

  public static final SpecialUseNames SYSTEM = new SpecialUseNames(Dns.SYSTEM);

  private final Dns resolver;

  SpecialUseNames(Dns resolver) {
    this.resolver = resolver;
  }

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    String name = hostname.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    if (name.equals("invalid") || name.endsWith(".invalid")) {
      throw new UnknownHostException(hostname + ": a .invalid name, which never resolves (RFC 6761)");
    }
    return resolver.lookup(hostname);
  }
}
