package dev.sitepulse.cli;

import dev.sitepulse.cli.analyze.AnalyzeCommand;
import dev.sitepulse.cli.crawl.CrawlCommand;
import dev.sitepulse.cli.demo.DemoCommand;
import dev.sitepulse.cli.links.LinksCommand;
import dev.sitepulse.cli.search.SearchCommand;
import dev.sitepulse.cli.ping.PingCommand;
import dev.sitepulse.cli.report.ReportCommand;
import dev.sitepulse.cli.watch.WatchCommand;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(
    name = "sitepulse",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Keeps watch over websites and makes what it collects searchable.",
    subcommands = {PingCommand.class, WatchCommand.class, ReportCommand.class, CrawlCommand.class, SearchCommand.class, LinksCommand.class, AnalyzeCommand.class, DemoCommand.class, AutoComplete.GenerateCompletion.class},
    footer = {
      "",
      "Exit codes: 0 all up, 1 some degraded, 2 some down, timed out or failed, 3 usage or config error."
    })
public final class SitepulseCommand implements Runnable {

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
