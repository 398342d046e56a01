// The start page's strings; a file of its own, as the CSP runs no inline script.
"use strict";
Kefu.strings({
  en: { api: "API docs" },
  zh: {
    api: "API 文档", intro: "面向电商客服的智能辅助系统。", console: "客服工作台",
    "console.desc": "处理队列：推荐回复、编辑发送、审批操作。", chat: "顾客聊天",
    "chat.desc": "以顾客身份与机器人对话；确认操作；转接人工。", dashboard: "分析看板",
    "dashboard.desc": "自动发送率、采纳率、响应时间、热门话题、满意度。",
    "needs.agent": "客服令牌", "needs.shopper": "顾客令牌", "needs.analyst": "分析师令牌",
    tokens: "演示令牌",
    "tokens.hint": "每个页面都需要访问令牌。`kefu init` 会打印演示令牌（管理员、客服、分析师、渠道网关，以及英文顾客 C001 和中文顾客 C002）；随时可用以下命令再次打印：",
    "tokens.create": "或者自行创建：",
  },
});
Kefu.bindLangToggle(document.getElementById("lang-toggle"));
Kefu.translate();
