import Foundation
import NIOSSL
import ParallaxStore
import PostgresNIO

/// Where a PostgreSQL store lives, parsed from a `postgres://` (or `postgresql://`) URL:
/// `postgres://user:password@host:port/database?sslmode=disable&host=/run/postgresql`.
///
/// Missing parts default as libpq's do: user `$USER`, port 5432, database = user, host
/// 127.0.0.1. `?host=/path` (a directory) connects through the Unix socket
/// `/path/.s.PGSQL.<port>` instead of TCP. `sslmode`: `disable` (the default), `prefer`,
/// `require` (encrypted, certificate not checked), `verify-ca` / `verify-full` (checked).
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    public enum TLSMode: String, Sendable, Hashable {
        case disable, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    /// The directory of the server's Unix socket, when it is reached through one.
    public var socketDirectory: String?
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    public init(host: String = "127.0.0.1", port: Int = 5432, socketDirectory: String? = nil, user: String,
                password: String? = nil, database: String, tls: TLSMode = .disable) {
        self.host = host
        self.port = port
        self.socketDirectory = socketDirectory
        self.user = user
        self.password = password
        self.database = database
        self.tls = tls
    }

    /// The URL schemes this backend answers to.
    public static let schemes: Set<String> = ["postgres", "postgresql"]

    /// True when `string` names a PostgreSQL store (by its scheme).
    public static func isPostgresURL(_ string: String) -> Bool {
        guard let colon = string.firstIndex(of: ":") else { return false }
        return schemes.contains(string[..<colon].lowercased()) && string[colon...].hasPrefix("://")
    }

    /// Parses a `postgres://` URL; the error names the URL without its password.
    public init(url string: String) throws {
        guard PostgresLocation.isPostgresURL(string), let components = URLComponents(string: string) else {
            throw StoreError(store: PostgresLocation.redacted(string), message: "not a postgres:// URL")
        }
        let name = PostgresLocation.redacted(string)
        user = components.user.flatMap { $0.isEmpty ? nil : $0 }
            ?? ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "postgres"
        password = components.password
        host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        port = components.port ?? 5432
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? user : path
        socketDirectory = nil
        tls = .disable
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw StoreError(store: name, message: "sslmode must be disable, prefer, require, verify-ca or verify-full")
                }
                tls = mode
            case "host":
                guard let value = item.value, !value.isEmpty else { continue }
                if value.hasPrefix("/") { socketDirectory = value } else { host = value }
            case "port":
                guard let value = item.value.flatMap(Int.init) else {
                    throw StoreError(store: name, message: "port must be a number")
                }
                port = value
            default:
                throw StoreError(store: name, message: "unknown parameter '\(item.name)' (known: sslmode, host, port)")
            }
        }
    }

    /// The URL without its password: what messages and `description` show.
    public var description: String {
        let server = socketDirectory.map { "?host=\($0)" } ?? ""
        let address = socketDirectory == nil ? "\(host.contains(":") ? "[\(host)]" : host):\(port)" : ""
        return "postgres://\(user)@\(address)/\(database)\(server)"
    }

    /// The same server, another database (tests create one database each).
    public func database(_ name: String) -> PostgresLocation {
        var location = self
        location.database = name
        return location
    }

    /// `string` with the password of its user-info part replaced by `***`.
    static func redacted(_ string: String) -> String {
        guard let scheme = string.range(of: "://"),
              let at = string[scheme.upperBound...].firstIndex(of: "@"),
              let colon = string[scheme.upperBound..<at].firstIndex(of: ":") else { return string }
        return String(string[..<string.index(after: colon)]) + "***" + String(string[at...])
    }

    /// The connection settings postgres-nio takes, for a single connection.
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        if let socketDirectory {
            return PostgresConnection.Configuration(unixSocketPath: socketPath(socketDirectory), username: user,
                                                    password: password, database: database)
        }
        return PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: database,
                                                tls: try connectionTLS())
    }

    /// The connection settings of a pool.
    func clientConfiguration() throws -> PostgresClient.Configuration {
        if let socketDirectory {
            return PostgresClient.Configuration(unixSocketPath: socketPath(socketDirectory), username: user,
                                                password: password, database: database)
        }
        return PostgresClient.Configuration(host: host, port: port, username: user, password: password, database: database,
                                            tls: clientTLS())
    }

    private func socketPath(_ directory: String) -> String {
        (directory.hasSuffix("/") ? directory : directory + "/") + ".s.PGSQL.\(port)"
    }

    private func tlsConfiguration() -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch tls {
        case .disable, .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        return configuration
    }

    private func connectionTLS() throws -> PostgresConnection.Configuration.TLS {
        switch tls {
        case .disable: return .disable
        case .prefer: return .prefer(try NIOSSLContext(configuration: tlsConfiguration()))
        case .require, .verifyCA, .verifyFull: return .require(try NIOSSLContext(configuration: tlsConfiguration()))
        }
    }

    private func clientTLS() -> PostgresClient.Configuration.TLS {
        switch tls {
        case .disable: return .disable
        case .prefer: return .prefer(tlsConfiguration())
        case .require, .verifyCA, .verifyFull: return .require(tlsConfiguration())
        }
    }
}
