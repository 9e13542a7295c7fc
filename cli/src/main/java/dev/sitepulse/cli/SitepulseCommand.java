package dev.sitepulse.cli;

import dev.sitepulse.cli.analyze.AnalyzeCommand;
import dev.sitepulse.cli.crawl.CrawlCommand;
import dev.sitepulse.cli.demo.DemoCommand;
import dev.sitepulse.cli.links.LinksCommand;
import dev.sitepulse.cli.search.SearchCommand;
import dev.sitepulse.cli.ping.PingCommand;
import dev.sitepulse.cli.report.ReportCommand;
import dev.sitepulse.cli.watch.WatchCommand;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(
    name = "sitepulse",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Keeps watch over websites and makes what it collects searchable.",
    footer = {
      "",
      "Exit codes: 0 done, 1 some degraded (ping), 2 failed or broken, 3 a command line, config or input "
          + "it cannot use, 130 stopped by Ctrl-C or SIGTERM; each command's --help has the details."
    })
public final class SitepulseCommand implements Runnable {

  /**
   * The subcommands, in the order help lists them. Main builds only the one a command line names:
   * picocli reads a command's annotations by reflection in a JVM that has not warmed up, so
   * modelling all of them cost each process about a third of its picocli set-up.
   */
  static final Map<String, Supplier<Object>> COMMANDS = commands();

  private static Map<String, Supplier<Object>> commands() {
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("ping", PingCommand::new);
    commands.put("watch", WatchCommand::new);
    commands.put("report", ReportCommand::new);
    commands.put("crawl", CrawlCommand::new);
    commands.put("search", SearchCommand::new);
    commands.put("links", LinksCommand::new);
    commands.put("analyze", AnalyzeCommand::new);
    commands.put("demo", DemoCommand::new);
    commands.put("generate-completion", AutoComplete.GenerateCompletion::new);
    return Collections.unmodifiableMap(commands);
  }

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Log debug output to stderr.")
  boolean verbose;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. sitepulse ping URL");
  }
}
