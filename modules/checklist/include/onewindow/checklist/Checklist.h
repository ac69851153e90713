#pragma once

#include "onewindow/catalog/Matter.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace ow::checklist {

// What the applicant came for: one bundle, or a set of single matters.
struct Selection
{
    QString bundle;
    QStringList matters;

    static Selection ofBundle(const QString &id) { return {id, {}}; }
    static Selection ofMatters(const QStringList &codes) { return {{}, codes}; }
};

// How a material was handed in so far.
enum class Received { Original, Copy, ELicence };
// Material id → what was received.
using Collected = QHash<QString, Received>;

// What the clerk recorded beyond the marks.
struct Recorded
{
    // Material id → pieces received with its mark (originals for an original, copies for a
    // copy, the copies kept when an original is verified and returned); a marked material
    // without an entry counts one.
    QHash<QString, int> counts;
    // Text-only acceptance conditions (conditionKey()) → the clerk confirmed it holds (true) or
    // found it does not (false). Absent: not confirmed yet.
    QHash<QString, bool> confirmations;
};

// The key of a matter's n-th acceptance condition ("330106-XK-AMR-001#0").
QString conditionKey(const QString &matter, qsizetype index);

enum class Verdict { Complete, Tolerated, Incomplete, NotAcceptable, NeedsAnswers };

// One item (matter) of the selection.
struct ItemLine
{
    enum class Inclusion { Included, Excluded, Undecided };
    QString matter; // implementation code
    QString name;
    QString department; // department name
    Inclusion included = Inclusion::Included;
    QString why; // why it is in, out or undecided
};

// One item's need for a material.
struct Need
{
    QString matter;
    QString matterName;
    QString why; // "required", or the condition in words
    bool tolerable = false;
};

// One line of the merged checklist: each material appears once.
struct MaterialLine
{
    enum class Status { Received, Missing, Waived, Tolerated };
    QString id;
    QString name;
    Status status = Status::Missing;
    QList<Need> neededBy;
    int originals = 0; // originals the window keeps
    int copies = 0; // photocopies the window keeps
    bool verifyOriginal = false; // an original must be shown (and is returned)
    AcceptanceMode mode = AcceptanceMode::KeepOriginal; // merged over the items
    bool shared = false; // the bundle shares one set across its items
    QString eLicence; // e-licence type that can replace it
    bool waivedByELicence = false;
    QString producedBy; // an included item issues it (waived): that matter's code
    bool tolerable = false; // every item that needs it accepts it later (容缺)
    QString howToSupply; // for missing lines: where and how to get it
    QString shortfall; // e.g. "the original is needed; only a copy was received"
    QString producedByName; // the name of the producedBy matter
    int recordedOriginals = 0; // as the clerk recorded them (not the catalogue's counts)
    int recordedCopies = 0;
    // Tolerated lines: the working days the catalogue allows (the shortest over the items), and
    // the day it is due, capped by the shortest promised time of the included items.
    int supplementDays = 0;
    QDate supplementDeadline;
    bool deadlineCapped = false; // the cap made the deadline earlier than the catalogue's days
};

// An acceptance condition that is text only: the clerk confirms it.
struct TextCondition
{
    QString key; // conditionKey()
    QString matter;
    QString matterName;
    QString text;
    bool confirmed = false; // the clerk has answered it
    bool holds = false; // … and found that it holds
};

// An acceptance condition that does not hold.
struct FailedCondition
{
    QString matter;
    QString matterName;
    QString text; // the condition as the catalogue words it
    QString expression; // the checked expression in words
    QString fact; // what fails for this applicant, with the values ("申请人 36 周岁，未达到…")
};

struct Checklist
{
    Verdict verdict = Verdict::Complete;
    QString title; // bundle name, or the matter names
    QList<ItemLine> items;
    QList<MaterialLine> materials;
    QStringList missing; // ids of missing required materials (every item's, at once)
    QStringList tolerated; // ids of missing tolerable materials
    QStringList unanswered; // question ids that decide something and have no answer
    QList<FailedCondition> failed;
    int supplementDays = 0; // tolerated: working days to hand the missing ones in
    QDate supplementDeadline; // tolerated: today + supplementDays working days
    QList<TextCondition> textConditions; // of the included items; unconfirmed ones: NeedsAnswers
    // The cap on 容缺 deadlines: the shortest promised time of the included items, and whose.
    int promiseCapDays = 0;
    QString promiseCapMatter; // its name
};

QString verdictKey(Verdict v); // "complete", "tolerated", "incomplete", "not_acceptable", "needs_answers"
QString statusKey(MaterialLine::Status s); // "received", "missing", "waived", "tolerated"
QString receivedKey(Received r); // "original", "copy", "elicence"
bool parseReceived(const QString &key, Received *out);

} // namespace ow::checklist
