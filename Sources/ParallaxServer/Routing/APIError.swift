import Foundation
import Hummingbird
import ParallaxCore

/// An error a client gets back: its status and a one-line message, as
/// `{"error": {"status": 404, "message": "…"}}` under /api and as an HTML page elsewhere.
struct APIError: Error, Sendable {
    var status: HTTPResponse.Status
    var message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    static func notFound(_ what: String) -> APIError { APIError(.notFound, "\(what) not found") }

    static func badParameter(_ name: String, _ value: String, expected: String) -> APIError {
        APIError(.badRequest, "query parameter '\(name)' must be \(expected), got '\(value)'")
    }

    static func tooLarge(limit: Int) -> APIError {
        APIError(.contentTooLarge, "request body larger than the limit of \(limit) bytes")
    }
}

/// The JSON body of an error response.
struct ErrorBody: Encodable {
    struct Detail: Encodable {
        var status: Int
        var message: String
    }
    var error: Detail
}
