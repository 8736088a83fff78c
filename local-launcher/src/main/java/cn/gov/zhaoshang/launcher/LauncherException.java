package cn.gov.zhaoshang.launcher;

/** A problem the person running the launcher can fix; its message says how. */
public class LauncherException extends RuntimeException {
    LauncherException(String message) {
        super(message);
    }
}
