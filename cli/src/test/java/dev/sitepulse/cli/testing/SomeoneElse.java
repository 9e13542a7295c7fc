package dev.sitepulse.cli.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Files of another user, for the checks that refuse them; skips the test where that needs root. */
public final class SomeoneElse {
  private SomeoneElse() {}

  /** Gives {@code path} to the user "nobody", or aborts the test when this user may not. */
  public static Path owns(Path path) {
    try {
      return Files.setOwner(path,
          path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
    } catch (IOException | UnsupportedOperationException cannot) {
      // Not root, no user "nobody", or a file system without owners: nothing to test here.
      return Assumptions.abort("cannot give " + path + " to the user nobody (that needs root): " + cannot);
    }
  }
}
