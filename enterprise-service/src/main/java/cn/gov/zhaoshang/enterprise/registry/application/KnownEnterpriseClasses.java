package cn.gov.zhaoshang.enterprise.registry.application;

/**
 * Whether a code names an enterprise class, for the registry's search filter. The classes belong to
 * the membership feature, which implements this, so that the registry does not depend on it (it
 * depends on the registry).
 */
public interface KnownEnterpriseClasses {

    boolean exists(String code);
}
