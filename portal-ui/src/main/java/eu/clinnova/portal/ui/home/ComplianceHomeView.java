package eu.clinnova.portal.ui.home;

import com.vaadin.flow.router.Route;
import eu.clinnova.audit.service.AuditLogService;
import eu.clinnova.kernel.Role;
import eu.clinnova.portal.ui.base.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/** Home page of compliance officers. */
@Route(value = "compliance", layout = MainLayout.class)
@RolesAllowed(Role.Names.COMPLIANCE_OFFICER)
public class ComplianceHomeView extends RoleHomeView {

  @Inject
  public ComplianceHomeView(AuditLogService auditLog) {
    super("compliance");
    addComponentAtIndex(2, new ComplianceWork(auditLog.treeSize()));
  }
}
