package cn.gov.zhaoshang.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The offline validation of the deployment: render a kustomization, check every object against its
 * schema (fabric8 for core kinds, the operators' CRDs for theirs; an unknown field fails), then
 * against the platform's rules ({@link DeploymentPolicies}).
 */
final class ManifestValidator {

    /** The deploy module's folder; the tests run with it as the working directory. */
    static final Path DEPLOY = Path.of("").toAbsolutePath();
    static final Path OVERLAYS = DEPLOY.resolve("overlays");
    static final Path CRDS = DEPLOY.resolve("crds");
    static final Path SECRET_TEMPLATES = DEPLOY.resolve("base/secrets");

    private final CrdSchemas crdSchemas = CrdSchemas.load(CRDS);
    private final Set<String> templatedSecrets = templatedSecrets();

    /** The rendered objects of a kustomization and every fault found in them. */
    record Result(List<K8sObject> objects, List<String> faults) {
    }

    Result validate(Path kustomization) {
        List<K8sObject> objects = K8sObject.parseAll(Kustomize.render(kustomization));
        return new Result(objects, validate(objects));
    }

    List<String> validate(List<K8sObject> objects) {
        List<String> faults = new ArrayList<>();
        for (K8sObject object : objects) {
            if (crdSchemas.knows(object)) {
                faults.addAll(crdSchemas.check(object));
            } else {
                faults.addAll(CoreSchemas.check(object));
            }
        }
        faults.addAll(DeploymentPolicies.check(objects, templatedSecrets));
        return faults;
    }

    private static Set<String> templatedSecrets() {
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.list(SECRET_TEMPLATES)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".template.yaml")).toList()) {
                K8sObject.parseAll(Files.readString(file)).stream().filter(o -> o.is("Secret")).forEach(o -> names.add(o.name()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
