// The intents (DESIGN.md) and hand-off reasons, named in the reader's language.
"use strict";

const Intents = (() => {
  const NAMES = {
    cancel_order: ["Cancel order", "取消订单"], change_order: ["Change order", "修改订单"],
    change_shipping_address: ["Change shipping address", "修改收货地址"],
    check_cancellation_fee: ["Cancellation fee", "取消费用"],
    check_invoice: ["Check invoice", "查询发票"], check_payment_methods: ["Payment methods", "支付方式"],
    check_refund_policy: ["Refund policy", "退款政策"], complaint: ["Complaint", "投诉"],
    contact_customer_service: ["Contact customer service", "联系客服"],
    contact_human_agent: ["Ask for a person", "要求人工客服"], create_account: ["Create account", "注册账户"],
    delete_account: ["Delete account", "注销账户"], delivery_options: ["Delivery options", "配送方式"],
    delivery_period: ["Delivery time", "配送时间"], edit_account: ["Edit account", "修改账户"],
    get_invoice: ["Get invoice", "开具发票"], get_refund: ["Get refund", "申请退款"],
    newsletter_subscription: ["Newsletter", "订阅资讯"], payment_issue: ["Payment issue", "支付问题"],
    place_order: ["Place order", "下单"], recover_password: ["Recover password", "找回密码"],
    registration_problems: ["Registration problems", "注册问题"], review: ["Review", "评价"],
    set_up_shipping_address: ["Set up shipping address", "设置收货地址"],
    switch_account: ["Switch account", "切换账户"], track_order: ["Track order", "查询物流"],
    track_refund: ["Track refund", "退款进度"], product_question: ["Product question", "商品咨询"],
    promotion_question: ["Promotion question", "优惠活动咨询"], other: ["Out of scope", "超出范围"],
    unknown: ["Unknown", "未知"],
  };
  const REASONS = {
    complaint: ["complaint", "投诉"], anger: ["anger", "顾客不满"],
    human_request: ["asked for a person", "要求人工"], out_of_scope: ["out of scope", "超出范围"],
    repeated_failure: ["repeated failure", "多次未解决"], reopened: ["reopened", "重新打开"],
    review: ["review", "待审核"],
  };

  function pick(table, key) {
    const names = table[key];
    if (!names) return key;
    return Kefu.lang === "zh" ? names[1] : names[0];
  }

  return {
    names: () => Object.keys(NAMES).filter((n) => n !== "unknown"),
    label: (name) => pick(NAMES, name),
    reason: (key) => pick(REASONS, key),
  };
})();
