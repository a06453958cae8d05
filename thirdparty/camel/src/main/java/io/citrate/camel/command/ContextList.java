package io.citrate.camel.command;

import org.apache.camel.CamelContext;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.BundleContext;

/** {@code camel:context-list}: every Camel context registered as an OSGi service, with its state. */
@Command(scope = "camel", name = "context-list", description = "List the Camel contexts: name, status, routes, uptime.")
@Service
public class ContextList implements Action {

  @Reference
  BundleContext bundleContext;

  @Override
  public Object execute() {
    ShellTable table = new ShellTable();
    table.column("Context");
    table.column("Status");
    table.column("Routes").alignRight();
    table.column("Uptime");
    table.column("Version");
    CamelContexts.forEach(bundleContext, null, (CamelContext context) -> table.addRow().addContent(
        context.getName(), context.getStatus().name(), context.getRoutesSize(), context.getUptime(),
        context.getVersion()));
    table.print(System.out);
    return null;
  }
}
