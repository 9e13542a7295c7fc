package dev.sitepulse.cli.demo;

import dev.sitepulse.cli.config.SitepulseConfig;
import dev.sitepulse.cli.ping.PingCommand;
import dev.sitepulse.cli.ping.PingRun;
import dev.sitepulse.pinger.format.ResultFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the built-in WireMock stubs on loopback and runs sitepulse against them.",
      "Needs no network. The failures it shows are the point: every verdict and error kind appears."
    })
public final class DemoCommand implements Callable<Integer> {

  static final String CONFIG = "/config/demo.yaml";

  @Override
  public Integer call() throws IOException {
    PrintStream out = System.out;
    try (DemoServer server = DemoServer.start()) {
      out.println("== WireMock demo server on " + server.httpUrl() + " and " + server.httpsUrl());
      out.println();
      out.println("== sitepulse ping -c demo.yaml");
      PingCommand.execute(pingRun(server), ResultFormat.TABLE, out);
    }
    return 0;
  }

  /** The demo config, with the server's addresses filled in as ${DEMO_HTTP} and ${DEMO_HTTPS}. */
  private static PingRun pingRun(DemoServer server) throws IOException {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("DEMO_HTTP", server.httpUrl());
    env.put("DEMO_HTTPS", server.httpsUrl());
    String text;
    try (InputStream in = DemoCommand.class.getResourceAsStream(CONFIG)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    SitepulseConfig config = SitepulseConfig.read(text, "demo.yaml", env);
    return PingRun.from(config, PingRun.Overrides.NONE, List.of());
  }
}
