"""Follow-up of the help over time (seed parts 3b/3c/3g/3h and 4): reviews of the indicators with
both voices (client and professional), the Goal Attainment Scaling T-score, the joint reflection of
the ten conditions a–j, due dates and the transition at the planned end.

Qt-free. The UI uses :class:`~kooperation_desktop.followup.service.FollowUpService`.
"""
