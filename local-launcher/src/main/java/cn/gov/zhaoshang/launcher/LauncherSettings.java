package cn.gov.zhaoshang.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where the build put what the launcher runs ({@code launcher.properties}, written by Maven). */
record LauncherSettings(Properties properties) {

    static LauncherSettings load() {
        Properties properties = new Properties();
        try (InputStream in = LauncherSettings.class.getResourceAsStream("/launcher.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LauncherSettings(properties);
    }

    Path keycloakZip() {
        return existing("keycloak.zip");
    }

    String keycloakVersion() {
        return properties.getProperty("keycloak.version");
    }

    Path jar(String module) {
        return existing("jar." + module);
    }

    private Path existing(String key) {
        String value = properties.getProperty(key);
        if (value == null || value.startsWith("@") || !Files.exists(Path.of(value))) {
            throw new LauncherException(key + " was not built (" + value + "). Start the platform with ./run-local, "
                    + "which builds everything it needs first.");
        }
        return Path.of(value);
    }
}
