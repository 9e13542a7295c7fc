package dev.sitepulse.cli.watch;

import dev.sitepulse.cli.Symlinks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which file a path leads to, through its symlinks, and which version of it: a swap of a link
 * changes the file's key, an edit its time or size. Read from the file's attributes, never its
 * contents, however large it is.
 *
 * @param key the file system's key of the file (device and inode), or null where there is none
 */
record FileVersion(Path real, Object key, long size, FileTime modified) {

  private static final FileVersion MISSING = new FileVersion(null, null, -1, null);

  static FileVersion of(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return new FileVersion(file.toRealPath(), a.fileKey(), a.size(), a.lastModifiedTime());
    } catch (IOException gone) { // deleted, or a link to nothing: a reload will say so
      return MISSING;
    }
  }

  /** The folder of the path, of each link it goes through, and of the file it leads to. */
  static Set<Path> foldersOf(Path file) {
    Set<Path> out = new LinkedHashSet<>();
    try {
      Symlinks.follow(file, p -> out.add(p.getParent().normalize()));
    } catch (IOException loopOrUnreadable) {
      // the folders so far
    }
    try {
      out.add(file.toRealPath().getParent());
    } catch (IOException dangling) {
      // the folders so far
    }
    return out;
  }
}
