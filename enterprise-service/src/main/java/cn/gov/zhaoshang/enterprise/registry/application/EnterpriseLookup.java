package cn.gov.zhaoshang.enterprise.registry.application;

import java.util.Optional;
import java.util.UUID;

import cn.gov.zhaoshang.enterprise.registry.infrastructure.EnterpriseRepository;
import cn.gov.zhaoshang.enterprise.registry.model.Enterprise;
import cn.gov.zhaoshang.enterprise.registry.model.EnterpriseSearch;
import cn.gov.zhaoshang.platform.paging.SortOrders;
import org.springframework.stereotype.Service;

/**
 * Reads of the registry. The registry is region-wide reference data, so nothing here is limited to
 * a unit; callers still resolve the caller's scope first.
 */
@Service
public class EnterpriseLookup {

    /** The orders a list of enterprises can be sorted by. */
    public static final SortOrders SORT_ORDERS = EnterpriseRepository.SORT_ORDERS;

    private final EnterpriseRepository enterprises;

    public EnterpriseLookup(EnterpriseRepository enterprises) {
        this.enterprises = enterprises;
    }

    public Optional<Enterprise> find(UUID id) {
        return enterprises.find(id);
    }

    /** One page of the enterprises that match, in the given order, and how many match in all. */
    public EnterpriseSearch.Result search(EnterpriseSearch criteria, SortOrders.Order order, int page, int size) {
        return enterprises.search(criteria, order, page, size);
    }
}
