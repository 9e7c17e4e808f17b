// Prints what java.util.Properties.load(InputStream) makes of each file named on the command
// line, in a canonical text form that the Swift differential test compares with its own reader.
//
// Run it as a single-file program (no separate compile step):
//
//   java Tests/Java/PropertiesDump.java a.properties b.properties ...
//
// All files are loaded by one JVM because starting a JVM costs far more than loading a file.
//
// Output, for every argument in order:
//
//   FILE <argument as given>
//   ERROR <exception class>: <message>            (when load throws), or
//   KEY <hex> VALUE <hex>                         (one line per key, sorted by String.compareTo)
//
// and a final line `END <number of files>` so that a truncated run cannot pass for a complete
// one. Keys and values are written as space-separated four-digit lowercase hexadecimal UTF-16
// code units (`006c 0069`), so whitespace, control characters and lone surrogates are all
// unambiguous; an empty string prints as `-`.

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

public class PropertiesDump {
  public static void main(String[] args) throws Exception {
    // ASCII is all we print; a fixed charset keeps the output independent of the locale.
    PrintStream out = new PrintStream(
        new BufferedOutputStream(System.out, 1 << 16), false, StandardCharsets.US_ASCII);
    for (String name : args) {
      out.println("FILE " + name);
      Properties properties = new Properties();
      try (InputStream in = Files.newInputStream(Path.of(name))) {
        // The InputStream overload is the one Kafka uses: bytes are read as ISO-8859-1.
        properties.load(in);
      } catch (Exception e) {
        // Only the message matters (Kafka would fail to start); keep it on one line.
        String message = String.valueOf(e.getMessage()).replace('\n', ' ').replace('\r', ' ');
        out.println("ERROR " + e.getClass().getName() + ": " + message);
        continue;
      }
      List<String> keys = new ArrayList<>(properties.stringPropertyNames());
      // String.compareTo orders by UTF-16 code units, which the Swift side can reproduce exactly.
      keys.sort(String::compareTo);
      for (String key : keys) {
        out.println("KEY " + hex(key) + " VALUE " + hex(properties.getProperty(key)));
      }
    }
    out.println("END " + args.length);
    out.flush();
  }

  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private static String hex(String s) {
    if (s.isEmpty()) return "-";
    StringBuilder b = new StringBuilder(s.length() * 5);
    for (int i = 0; i < s.length(); i++) {
      if (i > 0) b.append(' ');
      char c = s.charAt(i);
      for (int shift = 12; shift >= 0; shift -= 4) b.append(DIGITS[(c >> shift) & 0xF]);
    }
    return b.toString();
  }
}
