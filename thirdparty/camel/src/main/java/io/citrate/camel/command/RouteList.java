package io.citrate.camel.command;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.BundleContext;

/** {@code camel:route-list}: the routes of every Camel context (or of one), with their state and input. */
@Command(scope = "camel", name = "route-list", description = "List the Camel routes: context, route id, status, "
    + "uptime and the endpoint the route consumes from.")
@Service
public class RouteList implements Action {

  @Argument(index = 0, name = "context", description = "Only the routes of the Camel context with this name.")
  String name;

  @Reference
  BundleContext bundleContext;

  @Override
  public Object execute() {
    ShellTable table = new ShellTable();
    table.column("Context");
    table.column("Route");
    table.column("Status");
    table.column("Uptime");
    table.column("From");
    CamelContexts.forEach(bundleContext, name, (CamelContext context) -> {
      for (Route route : context.getRoutes()) {
        ServiceStatus status = context.getRouteController().getRouteStatus(route.getId());
        table.addRow().addContent(context.getName(), route.getId(),
            status != null ? status.name() : ServiceStatus.Starting.name(), route.getUptime(),
            route.getEndpoint().getEndpointUri());
      }
    });
    table.print(System.out);
    return null;
  }
}
