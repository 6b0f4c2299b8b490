package eu.clinnova.portal.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application. Mapped to {@code /api} (resources add {@code v1/}) so that every request
 * under {@code /api}, even to an unknown version, is answered with problem details.
 */
@ApplicationPath("/api")
public class PortalApi extends Application {}
