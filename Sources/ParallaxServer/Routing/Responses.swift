import Foundation
import Hummingbird
import ParallaxCore

/// The few response shapes the server writes: JSON in the Parallax style (ISO 8601 dates,
/// sorted keys, nulls written), HTML pages and plain text.
enum Responses {
    static let jsonType = "application/json; charset=utf-8"
    static let htmlType = "text/html; charset=utf-8"

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        json(bytes: ByteBuffer(data: try ParallaxJSON.encoder().encode(value)), status: status)
    }

    static func json(bytes: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: jsonType], body: ResponseBody(byteBuffer: bytes))
    }

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        // Pages carry untrusted article text: even if escaping failed somewhere, the browser
        // runs no script and loads nothing from elsewhere.
        Response(status: status,
                 headers: [.contentType: htmlType, .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }

    static func text(_ body: String, contentType: String) -> Response {
        Response(status: .ok, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    static func error(_ error: APIError, json: Bool) -> Response {
        guard json else { return html(ErrorPage(status: error.status, message: error.message).render(), status: error.status) }
        let body = ErrorBody(error: .init(status: error.status.code, message: error.message))
        // Encoding two plain fields cannot fail; fall back to an empty object rather than crash.
        let bytes = (try? ParallaxJSON.encoder().encode(body)) ?? Data("{}".utf8)
        return Response(status: error.status, headers: [.contentType: jsonType], body: ResponseBody(byteBuffer: ByteBuffer(data: bytes)))
    }
}
