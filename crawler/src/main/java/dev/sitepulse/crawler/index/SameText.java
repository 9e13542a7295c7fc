package dev.sitepulse.crawler.index;

/**
 * What a page reads as, a title and a text, as a key that two URLs of one page share though their
 * bytes differ: mdBook's index.html is its first chapter again with its own links, and a dynamic
 * site writes a fresh nonce into every answer, so neither is an exact duplicate. Search shows one
 * of them ({@link PageFields#ITEM}); both stay indexed, each found by its own {@code url:}.
 *
 * <p>A 64-bit FNV-1a over the characters: among a million pages, two different texts share a key
 * with a chance of one in 37 million.
 */
final class SameText {
  private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private SameText() {}

  /** Keys no rustdoc item can take: those are module paths, without spaces. */
  static String key(String title, char[] text) {
    long hash = OFFSET_BASIS;
    for (int i = 0, n = title.length(); i < n; i++) {
      hash = (hash ^ title.charAt(i)) * PRIME;
    }
    hash = (hash ^ title.length()) * PRIME; // parts title from text: "a\0"+"b" is not "a"+"\0b"
    for (char c : text) {
      hash = (hash ^ c) * PRIME;
    }
    return "same text " + Long.toHexString(hash);
  }
}
