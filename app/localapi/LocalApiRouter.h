#pragma once

#include "http/HttpRequest.h"
#include "http/HttpRequestHandler.h"
#include "http/HttpResponder.h"
#include "http/HttpResponse.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>
#include <vector>

// Maps (method, path pattern) to handlers. Patterns are matched against the ENCODED path,
// segment by segment, and only then are parameters percent-decoded, so "%2F" stays inside
// its segment and literal suffixes such as ":start" in "/x/{session}:start" match as written.
// A pattern segment is literal text, or one {param} with optional literal text around it.
// GET routes also answer HEAD. Build the router completely before the server starts; it is
// then shared read-only with the server thread.
class LocalApiRouter
{
public:
    // Synchronous handler (e.g. a cache read): runs on the server thread, returns the answer.
    using Handler = std::function<HttpResponse(const HttpRequest &)>;
    // Asynchronous handler: answer later through the responder (from any thread). The
    // request reference is only valid during the call: copy what you need.
    using AsyncHandler = std::function<void(const HttpRequest &, HttpResponder)>;
    // A GET with an Upgrade header: refuse with an answer, or take the socket
    // (HttpRequestHandler::upgrade) and return nullopt.
    using UpgradeHandler = std::function<std::optional<HttpResponse>(
        const HttpRequest &, const HttpRequestHandler::SocketTaker &)>;

    enum class Access {
        TokenRequired,
        Public
    };

    struct Route;
    struct Match {
        enum class Kind {
            Found,
            NotFound,
            MethodNotAllowed,
            BadParameter
        };
        Kind kind = Kind::NotFound;
        const Route *route = nullptr; // Found
        bool publicPath = false;      // the path belongs to a Public route (no token needed)
        QByteArray allow;             // MethodNotAllowed: "GET, HEAD, POST"
        QString error;                // BadParameter: why a parameter did not decode
    };

    // Returns false (and logs) for a malformed pattern; the route is then not added.
    bool add(const QByteArray &method, const QString &pattern, Handler handler,
             Access access = Access::TokenRequired);
    bool addAsync(const QByteArray &method, const QString &pattern, AsyncHandler handler,
                  Access access = Access::TokenRequired);
    bool get(const QString &pattern, Handler handler, Access access = Access::TokenRequired)
    {
        return add("GET", pattern, std::move(handler), access);
    }
    bool post(const QString &pattern, Handler handler, Access access = Access::TokenRequired)
    {
        return add("POST", pattern, std::move(handler), access);
    }
    bool postAsync(const QString &pattern, AsyncHandler handler,
                   Access access = Access::TokenRequired)
    {
        return addAsync("POST", pattern, std::move(handler), access);
    }
    bool getAsync(const QString &pattern, AsyncHandler handler,
                  Access access = Access::TokenRequired)
    {
        return addAsync("GET", pattern, std::move(handler), access);
    }

    // Gives the GET route of this pattern (added before) an upgrade handler; false if none.
    bool setUpgrade(const QString &pattern, UpgradeHandler handler);

    // Path params go to *params (decoded) when the route is found.
    Match match(QByteArrayView method, QByteArrayView encodedPath,
                QList<QPair<QString, QString>> *params) const;

    struct Segment {
        QByteArray prefix; // literal text (as it appears in the encoded path)
        QString param;     // empty: the segment is all literal
        QByteArray suffix;
    };
    struct Route {
        QByteArray method;
        QString pattern;
        std::vector<Segment> segments;
        Access access = Access::TokenRequired;
        Handler handler;
        AsyncHandler asyncHandler;
        UpgradeHandler upgradeHandler; // GET only
    };

    // Every route added, most specific first (e.g. to check a description covers them).
    const std::vector<Route> &routes() const { return m_routes; }

private:
    bool insert(Route route);
    std::vector<Route> m_routes; // most specific first
};
