package cn.gov.zhaoshang.targets.users.application;

import java.util.Set;
import java.util.TreeSet;

import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.security.Caller;
import cn.gov.zhaoshang.targets.orgunits.application.OrgUnitRecoded;
import cn.gov.zhaoshang.targets.users.infrastructure.KeycloakUserDirectory;
import cn.gov.zhaoshang.targets.users.infrastructure.PendingUnitRecodes;
import cn.gov.zhaoshang.targets.users.infrastructure.UsersProperties;
import cn.gov.zhaoshang.targets.users.model.ManagedUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A unit given a new code keeps its people: their {@code org_unit} in Keycloak follows the new code,
 * or their tokens would name a code the services no longer scope by. The re-code's transaction
 * records what is owed (so a re-code is never half-followed when Keycloak is away); it is applied
 * after the commit, and retried every minute until Keycloak takes it. Each user moved is audited
 * ({@code user-unit-recoded}) with the re-coding operator as actor. A unit that is only moved under
 * another parent keeps its code, and its people need nothing: scope follows the tree.
 */
@Service
public class UsersFollowUnitRecodes {

    private static final Logger LOG = LoggerFactory.getLogger(UsersFollowUnitRecodes.class);

    private final PendingUnitRecodes pending;
    private final KeycloakUserDirectory keycloak;
    private final AuditTrail audit;
    private final UsersProperties properties;
    private final TransactionTemplate transactions;

    public UsersFollowUnitRecodes(PendingUnitRecodes pending, KeycloakUserDirectory keycloak, AuditTrail audit,
            UsersProperties properties, PlatformTransactionManager transactionManager) {
        this.pending = pending;
        this.keycloak = keycloak;
        this.audit = audit;
        this.properties = properties;
        // a transaction of its own also after the re-code's commit, whose resources are still bound then
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** In the re-code's transaction: what is owed to Keycloak. */
    @EventListener
    public void owe(OrgUnitRecoded recoded) {
        pending.add(recoded.oldCode(), recoded.newCode(), recoded.actor().username(), recoded.actor().orgUnit(), recoded.at());
    }

    @TransactionalEventListener
    public void afterTheRecode(OrgUnitRecoded recoded) {
        applyPending();
    }

    @Scheduled(fixedDelayString = "${zhaoshang.users.recode-retry:PT1M}", initialDelayString = "${zhaoshang.users.recode-retry:PT1M}")
    public void applyPending() {
        if (!properties.configured()) {
            return;
        }
        boolean more = true;
        while (more) {
            more = Boolean.TRUE.equals(transactions.execute(status -> pending.lockOldest().map(recode -> {
                Caller actor = new Caller(recode.actor(), recode.actorUnit(), Set.of());
                try {
                    for (ManagedUser user : keycloak.all()) {
                        if (recode.oldCode().equals(user.orgUnit())) {
                            // Keycloak first, then its audit row: the rows of the users already moved are
                            // kept when Keycloak fails half-way, and the next attempt moves only the rest
                            keycloak.update(user.id(), user.firstName(), user.lastName(), user.email(), recode.newCode(), user.enabled());
                            Set<String> roles = new TreeSet<>(keycloak.realmRoles(user.id()));
                            roles.retainAll(GrantableRoles.PLATFORM_ROLES);
                            audit.record(actor, "user", user.id().toString(), "user-unit-recoded",
                                    new ManagedUser.AuditedState(user.username(), recode.oldCode(), roles, user.enabled()),
                                    new ManagedUser.AuditedState(user.username(), recode.newCode(), roles, user.enabled()));
                        }
                    }
                    pending.done(recode.id());
                    return true;
                } catch (RuntimeException keycloakAway) {
                    LOG.warn("the people of unit {} keep its old code in Keycloak until the next attempt: {}", recode.oldCode(),
                            keycloakAway.getMessage());
                    pending.failed(recode.id(), String.valueOf(keycloakAway.getMessage()));
                    return false;
                }
            }).orElse(false)));
        }
    }
}
