package io.basalt.optimizer.catalog;

import io.basalt.optimizer.catalog.SystemTableRows.ColumnType;
import io.basalt.storage.commit.Manifest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code information_schema}'s tables about roles and privileges, with PostgreSQL's columns: {@code table_privileges},
 * {@code enabled_roles} and {@code applicable_roles}, listed from the session's {@link AccessListing}.
 */
final class AccessTables {

    private AccessTables() {
    }

    /** The names of the tables {@link #of} lists. */
    static final java.util.Set<String> NAMES = java.util.Set.of("table_privileges", "enabled_roles", "applicable_roles");

    static Map<String, SystemTableRows> of(Manifest catalog, AccessListing listing) {
        Map<String, SystemTableRows> tables = new LinkedHashMap<>();
        tables.put("table_privileges", tablePrivileges(catalog, listing));
        tables.put("enabled_roles", enabledRoles(listing));
        tables.put("applicable_roles", applicableRoles(listing));
        return tables;
    }

    private static SystemTableRows tablePrivileges(Manifest catalog, AccessListing listing) {
        SystemTableRows table = new SystemTableRows().column("grantor", ColumnType.TEXT).column("grantee", ColumnType.TEXT)
                .column("table_catalog", ColumnType.TEXT).column("table_schema", ColumnType.TEXT)
                .column("table_name", ColumnType.TEXT).column("privilege_type", ColumnType.TEXT)
                .column("is_grantable", ColumnType.TEXT).column("with_hierarchy", ColumnType.TEXT);
        for (AccessListing.TablePrivilege privilege : listing.tablePrivileges(catalog)) {
            // PostgreSQL says YES for SELECT: it reaches inheritance children, which Basalt has none of
            table.row(privilege.grantor(), privilege.grantee(), InformationSchemaTables.CATALOG, privilege.schema(),
                    privilege.table(), privilege.privilege(), yesNo(privilege.grantable()),
                    yesNo(privilege.privilege().equals("SELECT")));
        }
        return table;
    }

    private static SystemTableRows enabledRoles(AccessListing listing) {
        SystemTableRows table = new SystemTableRows().column("role_name", ColumnType.TEXT);
        listing.enabledRoles().forEach(table::row);
        return table;
    }

    private static SystemTableRows applicableRoles(AccessListing listing) {
        SystemTableRows table = new SystemTableRows().column("grantee", ColumnType.TEXT)
                .column("role_name", ColumnType.TEXT).column("is_grantable", ColumnType.TEXT);
        for (AccessListing.RoleGrant grant : listing.applicableRoles()) {
            table.row(grant.grantee(), grant.role(), "NO");
        }
        return table;
    }

    private static String yesNo(boolean value) {
        return value ? "YES" : "NO";
    }
}
