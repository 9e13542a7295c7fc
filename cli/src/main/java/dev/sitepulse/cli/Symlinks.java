package dev.sitepulse.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Follows a chain of symbolic links as open(2) does, each relative link read from its own folder,
 * to the path it ends at, which may not exist (toRealPath fails on a link that dangles).
 */
public final class Symlinks {

  /** As Linux gives up (ELOOP): a chain this long is a loop. */
  static final int MAX_LINKS = 40;

  private Symlinks() {}

  /** The end of the chain {@code file} starts: the first path on it that is no link. */
  public static Path end(Path file) throws IOException {
    return follow(file, p -> {});
  }

  /**
   * @param each given the path made absolute, then where each link leads, in order, the end last
   * @return the end of the chain: the first path on it that is no link
   * @throws FileSystemException "too many levels of symbolic links" past {@link #MAX_LINKS}
   * @throws IOException when a link cannot be read; {@code each} has had the paths before it
   */
  public static Path follow(Path file, Consumer<Path> each) throws IOException {
    Path p = file.toAbsolutePath();
    each.accept(p);
    for (int links = 0; Files.isSymbolicLink(p); links++) {
      if (links == MAX_LINKS) {
        throw new FileSystemException(file.toString(), null, "too many levels of symbolic links");
      }
      p = p.resolveSibling(Files.readSymbolicLink(p));
      each.accept(p);
    }
    return p;
  }
}
