#pragma once

#include "onewindow/backoffice/ApiReply.h"
#include "onewindow/backoffice/Clock.h"
#include "onewindow/core/Result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QString>

#include <optional>

namespace ow {
class Catalog;
class WorkCalendar;
} // namespace ow

namespace ow::backoffice {

class Database;

// Reference data: the catalogue versions (each identified by the SHA-256 of its exact bytes, as
// the client pins them) and the work calendar (one table per year), served with strong ETags.
class Catalogues
{
public:
    Catalogues(Database &db, Clock clock);

    // Validates (ow::Catalog) and stores a catalogue; returns its sha256. Adding it again is fine.
    [[nodiscard]] Result<QString> add(const QByteArray &json, const QString &fileName);
    // Validates (WorkCalendar::parseYear) and stores a year table; returns its year.
    [[nodiscard]] Result<int> setCalendarYear(const QByteArray &json, const QString &fileName);
    // The stored catalogue of that sha256 (nullopt: not here; error: storage or damage).
    [[nodiscard]] Result<std::optional<Catalog>> find(const QString &sha256);
    // A hall's queue categories from a catalogue's matter groups (queue::Category::fromGroups: in
    // its order, lettered A, B, C …), as set-hall takes them; those of the newest catalogue
    // stored (empty: none stored, or it has no groups).
    static QJsonArray categoriesOf(const Catalog &catalog);
    [[nodiscard]] Result<QJsonArray> categoriesOfNewest();
    // The work calendar of every stored year (years without a table count Monday–Friday).
    [[nodiscard]] Result<WorkCalendar> workCalendar();

    // GET /v1/catalogues, GET /v1/catalogues/{sha256}, GET /v1/calendar.
    ApiReply list(const QByteArray &ifNoneMatch);
    ApiReply get(const QString &sha256, const QByteArray &ifNoneMatch);
    ApiReply calendar(const QByteArray &ifNoneMatch);

private:
    Database &m_db;
    Clock m_clock;
};

} // namespace ow::backoffice
