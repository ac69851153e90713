#pragma once

// 开餐馆 (the open-restaurant bundle) walked through the real IntakeWorkflow as a window's clerk
// walks it: the applicant, the bundle, the five answers, each material checked (or left out when
// the applicant lacks it), the verdict, the document printed, the case finished. The tests that
// need a case in a store (to push, route, hand out, count) make it here, so they all make it the
// same way the window does.

#include "onewindow/checklist/Checklist.h"
#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/intake/Party.h"

#include <QStringList>

#include <functional>

namespace ow::testsupport {

struct RestaurantVisit
{
    enum class Outcome {
        AtVerdict, // every material checked, the verdict not given yet
        Accept,
        Tolerated, // 容缺: accepted while a tolerable material follows later
        Notice, // a one-time notice of what is missing
        NoticeThenAccept, // the notice, then the applicant is back with it and accepted
        Refuse,
    };
    Outcome outcome = Outcome::Accept;
    QString idNumber = QStringLiteral("33010619900101123X");
    QString name = QStringLiteral("王小明");
    QString entity = QStringLiteral("individual");
    QString area = QStringLiteral("120"); // more than 50 m²: the food-safety rules are asked
    QString renovation = QStringLiteral("no");
    QString fumes = QStringLiteral("yes");
    QString signboard = QStringLiteral("no");
    QString refusal = QStringLiteral("经营场所不符合规划用途");
    // Which materials the applicant lacks at first. Unset: for Tolerated the food-safety rules,
    // for a notice the first material that cannot be tolerated.
    std::function<bool(const ow::checklist::MaterialLine &)> lacks;
    // Between the notice and the accept (NoticeThenAccept): the applicant is back. Unset: the case
    // is reopened by its id. A test moves its clock here, or reopens by the notice's QR.
    std::function<QString(ow::intake::IntakeWorkflow &)> comeBack;
    // After each material is checked, e.g. its scan attached: "" or why it failed.
    std::function<QString(ow::intake::IntakeWorkflow &, const ow::checklist::MaterialLine &, int index)> afterMark;
    // The document printed and the case finished after the verdict, as at the window.
    bool printAndFinish = true;
};

// Walks `visit` on `w` (started here). Returns "" or every step's refusal, joined.
[[nodiscard]] inline QString walkRestaurant(ow::intake::IntakeWorkflow &w, const RestaurantVisit &visit)
{
    using ow::intake::IntakeWorkflow;
    using Outcome = RestaurantVisit::Outcome;
    QStringList errors;
    const auto must = [&errors](const QString &err) {
        if (!err.isEmpty())
            errors << err;
    };
    must(w.start());
    const auto applicant = ow::intake::Party::person(visit.idNumber, visit.name);
    if (!applicant)
        return applicant.error();
    must(w.setApplicant(applicant.value()));
    must(w.choose(ow::checklist::Selection::ofBundle(QStringLiteral("open-restaurant"))));
    must(w.answer(QStringLiteral("entity"), visit.entity));
    must(w.answer(QStringLiteral("area"), visit.area));
    must(w.answer(QStringLiteral("renovation"), visit.renovation));
    must(w.answer(QStringLiteral("fumes"), visit.fumes));
    must(w.answer(QStringLiteral("signboard"), visit.signboard));
    const bool notice = visit.outcome == Outcome::Notice || visit.outcome == Outcome::NoticeThenAccept;
    const auto lines = w.checklist().materials; // a copy: each mark() recomputes the checklist
    QStringList held; // what the applicant did not bring the first time
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const ow::checklist::MaterialLine &line = lines.at(i);
        bool leave = false;
        if (visit.lacks)
            leave = (visit.outcome == Outcome::Tolerated || notice) && visit.lacks(line);
        else if (visit.outcome == Outcome::Tolerated)
            leave = line.id == QLatin1String("food-safety-rules");
        else if (notice)
            leave = !line.tolerable && held.isEmpty();
        if (leave) {
            held << line.id;
            continue;
        }
        must(w.mark(line.id, ow::checklist::Received::Original));
        if (visit.afterMark)
            must(visit.afterMark(w, line, int(i)));
    }
    must(w.goTo(IntakeWorkflow::Step::Verdict));
    if (visit.outcome == Outcome::AtVerdict)
        return errors.join(QLatin1String("; "));
    const auto printed = [&] {
        if (!visit.printAndFinish)
            return;
        must(w.recordPrinted(QStringLiteral("receipt-printer")));
        must(w.finish());
    };
    if (notice) {
        must(w.decide(IntakeWorkflow::Decision::Notice, QString()));
        printed();
        if (visit.outcome == Outcome::Notice)
            return errors.join(QLatin1String("; "));
        must(visit.comeBack ? visit.comeBack(w) : w.reopen(w.caseId()));
        for (const QString &id : std::as_const(held))
            must(w.mark(id, ow::checklist::Received::Original));
        must(w.goTo(IntakeWorkflow::Step::Verdict));
    }
    must(w.decide(visit.outcome == Outcome::Tolerated ? IntakeWorkflow::Decision::AcceptTolerated
            : visit.outcome == Outcome::Refuse        ? IntakeWorkflow::Decision::Refuse
                                                      : IntakeWorkflow::Decision::Accept,
        visit.outcome == Outcome::Refuse ? visit.refusal : QString()));
    printed();
    return errors.join(QLatin1String("; "));
}

} // namespace ow::testsupport
