import Hummingbird

/// One route the server answers, written as the OpenAPI document writes it
/// (`GET /api/stories/{id}`).
public struct RouteDescription: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var method: String
    public var path: String

    public init(method: String, path: String) {
        self.method = method
        self.path = path
    }

    public var description: String { "\(method) \(path)" }

    public static func < (a: RouteDescription, b: RouteDescription) -> Bool { (a.path, a.method) < (b.path, b.method) }
}

/// Adds routes to a Hummingbird router and remembers each one as the router spells it, so
/// the list of routes served can be checked against the OpenAPI document (Hummingbird
/// does not list a router's routes).
final class RouteTable<Context: RequestContext> {
    let router: Router<Context>
    private(set) var routes: [RouteDescription] = []

    init(router: Router<Context>) { self.router = router }

    func add(_ method: HTTPRequest.Method, _ path: String,
             _ handler: @escaping @Sendable (Request, Context) async throws -> Response) {
        let routerPath = RouterPath(path)
        router.on(routerPath, method: method, use: handler)
        routes.append(RouteDescription(method: method.rawValue, path: routerPath.description))
    }
}
