package io.fanshelf.api.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The handler needs a signed-in owner (owner token or console session) and acts only on that
 * owner's data: it takes the owner from {@link CurrentOwner}, never from the request.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface OwnerOnly {}
