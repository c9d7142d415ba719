package org.dubgate.domain.model;

/** Where a model runs. Only the first two keep production data inside the enterprise (R5). */
public enum ExecutionSite {
    ON_PREMISES(true), ENTERPRISE_SECURED(true), VENDOR_CLOUD(false);

    private final boolean insideEnterprise;

    ExecutionSite(boolean insideEnterprise) {
        this.insideEnterprise = insideEnterprise;
    }

    public boolean insideEnterprise() {
        return insideEnterprise;
    }
}
