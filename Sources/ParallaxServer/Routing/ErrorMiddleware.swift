import Foundation
import Hummingbird
import Logging
import NIOCore

/// Turns every error into a response: JSON under /api (and for the machine endpoints),
/// an HTML page elsewhere. Unknown routes arrive here as Hummingbird's 404.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Paths whose errors are JSON: the API, and what programs rather than people fetch.
    static func wantsJSON(_ path: String) -> Bool {
        path == "/api" || path.hasPrefix("/api/") || path == "/openapi.json" || path == "/metrics"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let json = Self.wantsJSON(request.uri.path)
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return Responses.error(error, json: json)
        } catch let error as HTTPError {
            let message = error.status == .notFound ? "no route for \(request.method) \(request.uri.path)"
                : (error.body ?? error.status.reasonPhrase)
            return Responses.error(APIError(error.status, message), json: json)
        } catch is NIOTooManyBytesError {
            return Responses.error(APIError(.contentTooLarge, "request body too large"), json: json)
        } catch {
            context.logger.error("\(request.method) \(request.uri.path): \(error)")
            return Responses.error(APIError(.internalServerError, "internal error: \(Self.oneLine(error))"), json: json)
        }
    }

    /// Store errors are one line naming the store; other errors are cut to their first line.
    static func oneLine(_ error: Error) -> String {
        String(describing: error).split(separator: "\n").first.map(String.init) ?? "unknown error"
    }
}
