import java.sql.*;
public class MProbe { public static void main(String[] a) throws Exception {
  try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:39997/?sslMode=disable", "root", "111")) { System.out.println("ok"); }
  catch (SQLException e) { System.out.println(e.getMessage()); } } }
