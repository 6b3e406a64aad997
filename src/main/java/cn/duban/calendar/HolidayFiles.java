package cn.duban.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The holiday tables that come as files: built in ({@code classpath:holidays/<year>.txt}, from the
 * State Council's notices) and placed by an administrator in the holiday folder
 * ({@code duban.calendar.holiday-dir}). Both seed the database; the application page is the usual way.
 */
final class HolidayFiles {

  private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.txt");

  /** A file's table: its text, where it came from, and its first comment line (the notice it transcribes). */
  record TableFile(int year, String content, String location, HolidayTable.Origin origin) {

    String notice() {
      return content.lines().map(String::strip).filter(l -> l.startsWith("#")).findFirst()
          .map(l -> l.substring(1).strip()).filter(l -> !l.isEmpty() && l.length() <= 255).orElse(location);
    }
  }

  private HolidayFiles() {
  }

  static Map<Integer, TableFile> builtIn() {
    Map<Integer, TableFile> files = new TreeMap<>();
    try {
      for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:holidays/*.txt")) {
        Integer year = yearOf(r.getFilename());
        if (year != null) {
          files.put(year, new TableFile(year, r.getContentAsString(StandardCharsets.UTF_8),
              "classpath:holidays/" + r.getFilename(), HolidayTable.Origin.BUILT_IN));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in holiday tables", e);
    }
    return files;
  }

  static Map<Integer, TableFile> inFolder(String folder) {
    Map<Integer, TableFile> files = new TreeMap<>();
    Path dir = Path.of(folder);
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, "*.txt")) {
      for (Path file : found) {
        Integer year = yearOf(file.getFileName().toString());
        if (year != null) {
          files.put(year, new TableFile(year, Files.readString(file, StandardCharsets.UTF_8),
              file.toAbsolutePath().toString(), HolidayTable.Origin.FILE));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the holiday folder " + dir.toAbsolutePath(), e);
    }
    return files;
  }

  private static Integer yearOf(String fileName) {
    Matcher m = fileName == null ? null : YEAR_FILE.matcher(fileName);
    return m != null && m.matches() ? Integer.valueOf(m.group(1)) : null;
  }
}
