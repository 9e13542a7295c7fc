package dev.sitepulse.cli;

import dev.sitepulse.pinger.config.NearestName;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;

/** The hint after an unknown option, as a config's unknown key gets one. */
public final class OptionHint {

  private OptionHint() {}

  /**
   * " (did you mean --timeout?)" for {@code typed} near one of {@code command}'s options; "" when
   * none is near or {@code typed} is no --option.
   */
  public static String nearest(String typed, CommandSpec command) {
    if (!typed.startsWith("--")) {
      return "";
    }
    int equals = typed.indexOf('=');
    // Long names only: lower-cased, --q is two edits from -h, which no one meant.
    Set<String> options = command.options().stream().filter(o -> !o.hidden())
        .flatMap(o -> Arrays.stream(o.names())).filter(n -> n.startsWith("--")).collect(Collectors.toSet());
    String nearest = NearestName.of(equals < 0 ? typed : typed.substring(0, equals), options);
    return nearest == null ? "" : " (did you mean " + nearest + "?)";
  }
}
