package dev.sitepulse.pinger.config;

import dev.sitepulse.pinger.IoErrors;
import dev.sitepulse.pinger.ShownUrl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A config file's text, decoded as UTF-8 and nothing else. A file saved in another encoding is
 * named with the place of its first foreign byte, rather than guessed at or decoded to mojibake.
 */
final class ConfigText {

  /** As ConfigReader's limit; reading stops past it, so that -c /dev/zero is refused, not read for ever. */
  static final int MAX_BYTES = 64 << 20;
  private static final Pattern URL_AS_PATH = Pattern.compile("(https?:)/([^/].*)", Pattern.CASE_INSENSITIVE);

  private ConfigText() {}

  static String read(Path file) {
    if (file.toString().isEmpty()) {
      throw new ConfigException("the config file name is empty");
    }
    if (Files.isDirectory(file)) {
      throw new ConfigException(file + ": a folder, not a config file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      Matcher url = URL_AS_PATH.matcher(file.toString());
      if (url.matches()) { // -c http://host/: the path has lost one of its slashes
        throw new ConfigException(ShownUrl.of(url.group(1) + "//" + url.group(2)) + ": a URL, not a config file; URLs to"
            + " check go among the arguments, or under targets: in a config", e);
      }
      throw new ConfigException(file + ": no such file", e);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read the config: " + IoErrors.why(e), e);
    }
    if (bytes.length > MAX_BYTES) {
      throw new ConfigException(file + ": larger than a config may be (" + (MAX_BYTES >> 20) + " MB)");
    }
    return decode(bytes, file.toString());
  }

  static String decode(byte[] bytes, String file) {
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder(); // reports bad input, replaces nothing
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never has more chars than bytes
    CoderResult result = utf8.decode(in, out, true);
    if (!result.isError()) {
      result = utf8.flush(out);
    }
    String text = out.flip().toString();
    if (result.isError()) {
      int line = (int) text.chars().filter(c -> c == '\n').count() + 1;
      int column = text.length() - text.lastIndexOf('\n');
      throw new ConfigException(String.format(Locale.ROOT,
          "%s:%d:%d: not UTF-8 text (byte 0x%02x); save the file as UTF-8",
          file, line, column, bytes[in.position()] & 0xff));
    }
    return text;
  }
}
