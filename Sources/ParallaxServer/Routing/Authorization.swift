import Foundation
import Hummingbird

/// Who may write: a request carrying `Authorization: Bearer <token>` with the configured
/// token. Reads are public. Without a configured token, writes are off.
struct WriteAuthorization: Sendable {
    let token: String?

    func check(_ request: Request) throws(APIError) {
        guard let token else {
            throw APIError(.forbidden, "writes are disabled: start the server with --token TOKEN or set "
                + "\(ServerConfiguration.tokenEnvironmentVariable), then send 'Authorization: Bearer TOKEN'")
        }
        guard let header = request.headers[.authorization] else {
            throw APIError(.unauthorized, "missing 'Authorization: Bearer TOKEN' header")
        }
        let prefix = "bearer "
        guard header.count > prefix.count, header.lowercased().hasPrefix(prefix),
              WriteAuthorization.equal(String(header.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces), token) else {
            throw APIError(.unauthorized, "invalid bearer token")
        }
    }

    /// Compares in time independent of where the strings differ, so response times do not
    /// leak how much of a guessed token is right.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) {
            difference |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)
        }
        return difference == 0
    }
}
