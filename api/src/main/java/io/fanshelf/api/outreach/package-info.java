/**
 * "Who to message today" (今日可联系): the owner's daily list of fans worth a message, drawn by the
 * recommender's {@link io.fanshelf.recommender.outreach.OutreachPlanner}, with ready-to-paste
 * messages from the owner's templates and share links; the owner's opt-outs and templates; marking
 * messages sent, which records share events attributed to the owner (the frequency cap and the
 * funnel read them). REST under {@code /api/v1/owner/outreach}; the console page is {@code
 * /console/outreach}.
 */
package io.fanshelf.api.outreach;
