#pragma once

#include <QByteArray>
#include <QString>
#include <QVarLengthArray>

#include <utility>

// A small streaming JSON writer, independent of the product's encoders (and of QJsonDocument,
// so member order and the null/omit choice are exactly what the simulator says).
namespace sim {

class JsonWriter
{
public:
    // explicitNulls: unknown optional members are written as null instead of left out.
    explicit JsonWriter(bool explicitNulls = false)
        : m_nulls(explicitNulls)
    {
    }

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    JsonWriter &key(const char *name); // ASCII member names only

    JsonWriter &value(const QString &s);
    JsonWriter &utf8(const QByteArray &s);
    JsonWriter &value(qint64 n);
    JsonWriter &value(int n) { return value(qint64(n)); }
    JsonWriter &value(quint32 n) { return value(qint64(n)); }
    JsonWriter &real(double d);
    JsonWriter &boolean(bool b);
    JsonWriter &null();

    // Members in one call. The opt* forms write nothing (or null) when `known` is false.
    JsonWriter &field(const char *k, const QString &v) { return key(k).value(v); }
    JsonWriter &field(const char *k, const QByteArray &v) { return key(k).utf8(v); }
    JsonWriter &field(const char *k, qint64 v) { return key(k).value(v); }
    JsonWriter &field(const char *k, int v) { return key(k).value(qint64(v)); }
    JsonWriter &flag(const char *k, bool v) { return key(k).boolean(v); }
    JsonWriter &optString(const char *k, const QString &v)
    {
        return v.isEmpty() ? missing(k) : field(k, v);
    }
    JsonWriter &optUtf8(const char *k, const QByteArray &v)
    {
        return v.isEmpty() ? missing(k) : field(k, v);
    }
    JsonWriter &optNumber(const char *k, bool known, qint64 v)
    {
        return known ? field(k, v) : missing(k);
    }
    JsonWriter &optFlag(const char *k, bool known, bool v)
    {
        return known ? flag(k, v) : missing(k);
    }
    JsonWriter &missing(const char *k) { return m_nulls ? key(k).null() : *this; }

    bool explicitNulls() const { return m_nulls; }
    QByteArray take() { return std::move(m_out); }

private:
    void beforeValue();
    void escape(const char *s, qsizetype n);

    QByteArray m_out;
    QVarLengthArray<bool, 16> m_first; // per open container: nothing written yet
    bool m_afterKey = false;
    bool m_nulls;
};

} // namespace sim
