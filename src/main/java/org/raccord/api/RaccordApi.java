package org.raccord.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All REST resources live under {@code /api}; static pages and the simulator keep the rest. */
@ApplicationPath("api")
@DeclareRoles({Roles.READ, Roles.REGISTER, Roles.ADMIN})
public class RaccordApi extends Application {
}
