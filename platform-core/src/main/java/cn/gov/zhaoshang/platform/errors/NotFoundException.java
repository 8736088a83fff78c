package cn.gov.zhaoshang.platform.errors;

/** Unknown id, or an id outside the caller's scope: both answer 404, so scope leaks nothing. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
