#pragma once

#include "onewindow/intake/Party.h"

#include <optional>

namespace ow::intake {

// One applicant of a case (a buyer, a seller, a parent) and the agent who acts for them, if any.
struct CaseParty
{
    Party applicant;
    std::optional<Party> agent;
};

} // namespace ow::intake
