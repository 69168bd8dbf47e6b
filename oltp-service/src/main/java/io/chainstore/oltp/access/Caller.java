package io.chainstore.oltp.access;

import io.chainstore.oltp.web.ApiException;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated caller of the current request: an API key with its role and what it is bound
 * to: a store (POS, store manager, technician), a technician (technician), a supplier (supplier).
 */
public record Caller(
    long keyId, String name, Role role, Long storeId, Long technicianId, Long supplierId)
    implements Principal {

  /** The key's name: what Spring Security logs and audits, cheaply (no reflection). */
  @Override
  public String getName() {
    return name;
  }

  /** The caller of the current request (the security filter has authenticated it). */
  public static Caller current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof Caller caller)) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "Authorization", "an API key is required");
    }
    return caller;
  }

  public boolean is(Role... roles) {
    for (Role r : roles) {
      if (role == r) {
        return true;
      }
    }
    return false;
  }

  /** True when this caller may see and change what belongs to the store. */
  public boolean mayActAt(long store) {
    return !role.storeBound() || storeId == store;
  }

  /** Refuses (403, naming {@code field}) unless the caller has one of the roles. */
  public void requireRole(String field, Role... roles) {
    if (!is(roles)) {
      throw new ApiException(
          HttpStatus.FORBIDDEN, field, "the role " + role.code() + " may not do this");
    }
  }

  /**
   * The store a request is about: as asked, or, for a store-bound caller who asked for none, its
   * own; a store-bound caller asking for another store is refused (403, naming {@code field}).
   */
  public Long scope(Long requested, String field) {
    if (!role.storeBound()) {
      return requested;
    }
    long store = requested == null ? storeId : requested;
    requireStore(store, field);
    return store;
  }

  /** Refuses (403, naming {@code field}) a store-bound caller acting at another store. */
  public void requireStore(long store, String field) {
    if (!mayActAt(store)) {
      throw new ApiException(
          HttpStatus.FORBIDDEN, field, "this key belongs to store " + storeId + ", not " + store);
    }
  }

  /** Refuses (403, naming {@code field}) a supplier key acting for another supplier. */
  public void requireSupplier(long supplier, String field) {
    if (role == Role.SUPPLIER && supplierId != supplier) {
      throw new ApiException(
          HttpStatus.FORBIDDEN,
          field,
          "this key belongs to supplier " + supplierId + ", not " + supplier);
    }
  }
}
