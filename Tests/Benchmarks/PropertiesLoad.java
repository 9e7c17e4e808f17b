import java.io.FileInputStream;
import java.io.InputStream;
import java.util.Properties;

/** Loads each named file with java.util.Properties.load, as Kafka reads server.properties. */
public final class PropertiesLoad {
  public static void main(String[] args) throws Exception {
    int keys = 0;
    for (String path : args) {
      Properties properties = new Properties();
      try (InputStream in = new FileInputStream(path)) {
        properties.load(in);
      }
      keys += properties.size();
    }
    System.out.println(keys + " keys");
  }
}
