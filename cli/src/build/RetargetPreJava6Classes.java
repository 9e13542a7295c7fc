import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build step, run on the shaded jar after maven-shade-plugin: gives every class file older than
 * Java 6 (picocli targets Java 5) the version 50 and the stack map frames that go with it.
 *
 * <p>Why: class data sharing (bin/sitepulse records an archive per command) leaves out class files
 * older than version 50, so each start loaded and verified picocli's 230 classes from the jar
 * again, with the slow inference verifier, about 50 ms of every command. The bytecode is
 * unchanged; only the version and the frames that the type-checking verifier reads are added.
 *
 * <p>Usage: {@code java -cp asm.jar RetargetPreJava6Classes.java path/to/app.jar}
 */
public final class RetargetPreJava6Classes {

  private static final int JAVA_6 = Opcodes.V1_6;

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: RetargetPreJava6Classes JAR");
    }
    Path jar = Path.of(args[0]);
    Map<String, byte[]> retargeted = new LinkedHashMap<>();
    // Frames name the common superclass of two types, so the jar's own classes must be loadable.
    try (URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
        FileSystem zip = FileSystems.newFileSystem(jar)) {
      for (Path entry : classFiles(zip)) {
        byte[] bytes = Files.readAllBytes(entry);
        if (new ClassReader(bytes).readUnsignedShort(6) < JAVA_6) {
          retargeted.put(entry.toString(), retarget(bytes, classes));
        }
      }
    }
    try (FileSystem zip = FileSystems.newFileSystem(jar, Map.of("create", "false"))) {
      for (Map.Entry<String, byte[]> e : retargeted.entrySet()) {
        Files.write(zip.getPath(e.getKey()), e.getValue());
      }
    }
    System.out.printf("%d class files older than Java 6 retargeted in %s%n", retargeted.size(), jar);
  }

  private static List<Path> classFiles(FileSystem zip) throws IOException {
    try (Stream<Path> all = Files.walk(zip.getPath("/"))) {
      return all.filter(p -> p.toString().endsWith(".class"))
          .filter(p -> !p.toString().startsWith("/META-INF/versions/")) // versioned ones are newer
          .toList();
    }
  }

  private static byte[] retarget(byte[] bytes, ClassLoader classes) {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
      @Override
      protected ClassLoader getClassLoader() {
        return classes;
      }
    };
    new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public void visit(int version, int access, String name, String signature, String superName,
          String[] interfaces) {
        super.visit(JAVA_6, access, name, signature, superName, interfaces);
      }
    }, 0);
    return writer.toByteArray();
  }
}
