#include "http/HttpResponse.h"

HttpResponse HttpResponse::json(const QJsonObject &object, int status)
{
    return rawJson(QJsonDocument(object).toJson(QJsonDocument::Compact), status);
}

HttpResponse HttpResponse::json(const QJsonArray &array, int status)
{
    return rawJson(QJsonDocument(array).toJson(QJsonDocument::Compact), status);
}

HttpResponse HttpResponse::rawJson(const QByteArray &json, int status)
{
    HttpResponse r;
    r.status = status;
    r.body = json;
    return r;
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse r;
    r.status = 204;
    return r;
}

HttpResponse &HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    const QByteArray lower = name.toLower();
    for (auto &h : headers) {
        if (h.first.toLower() == lower) {
            h.second = value;
            return *this;
        }
    }
    headers.append({name, value});
    return *this;
}
