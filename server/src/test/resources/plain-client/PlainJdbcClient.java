import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A JDBC application that knows nothing of Basalt but its URL: PlainJdbcClientTest compiles it against the JDK alone
 * and runs it with only the driver on the class path. Arguments: url, user, password.
 */
public class PlainJdbcClient {

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2]);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE planets (id INT PRIMARY KEY, name VARCHAR(20), moons INT)");
            statement.execute("INSERT INTO planets VALUES (3, 'Earth', 1), (4, 'Mars', 2)");
            try (ResultSet rows = statement.executeQuery("SELECT name, moons FROM planets ORDER BY id")) {
                while (rows.next()) {
                    System.out.println("row " + rows.getString(1) + " " + rows.getInt(2));
                }
            }
            DatabaseMetaData metaData = connection.getMetaData();
            System.out.println("product " + metaData.getDatabaseProductName() + " driver " + metaData.getDriverName());
            try (ResultSet tables = metaData.getTables(null, null, "planets", null)) {
                while (tables.next()) {
                    System.out.println("table " + tables.getString("TABLE_SCHEM") + "." + tables.getString("TABLE_NAME")
                            + " " + tables.getString("TABLE_TYPE"));
                }
            }
            try (ResultSet columns = metaData.getColumns(null, null, "planets", null)) {
                while (columns.next()) {
                    System.out.println("column " + columns.getString("COLUMN_NAME") + " " + columns.getString("TYPE_NAME"));
                }
            }
            try (ResultSet keys = metaData.getPrimaryKeys(null, null, "planets")) {
                while (keys.next()) {
                    System.out.println("key " + keys.getString("COLUMN_NAME"));
                }
            }
        }
    }
}
