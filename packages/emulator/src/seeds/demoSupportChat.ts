// Customer-support conversations of the demo's fictional shop "Northwind Outfitters":
// the tuning JSONL in Cloud Storage and the support_conversations table in BigQuery
// both come from here, so an export of the table matches the tuning files.
export interface SupportTurn {
  user: string;
  model: string;
}

export interface SupportConversation {
  topic: string;
  turns: SupportTurn[];
}

const c = (topic: string, ...pairs: [string, string][]): SupportConversation => ({
  topic,
  turns: pairs.map(([user, model]) => ({ user, model })),
});

export const SUPPORT_CONVERSATIONS: SupportConversation[] = [
  c('orders', ['Where is my order #48213? It was supposed to arrive yesterday.', 'Sorry for the wait. Order #48213 left our warehouse on Monday and the carrier shows it out for delivery today. You will get a text with a two-hour window this morning. If it has not arrived by 8 pm, reply here and I will send a replacement at no cost.']),
  c('orders', ['Can I change the shipping address on an order I placed an hour ago?', 'Yes, as long as it has not been packed. Open Orders, choose the order and select Edit address. If the button is greyed out the parcel is already packed; in that case I can ask the carrier to redirect it once it ships.']),
  c('orders', ['I want to cancel my order.', 'I can help with that. Orders can be cancelled free of charge until they are packed, usually within two hours of purchase. Could you tell me the order number?'], ['It is 51077.', 'Done: order #51077 is cancelled and the full amount is back on your card within 3 to 5 business days. You will receive a confirmation email shortly.']),
  c('returns', ['How do I return a jacket that does not fit?', 'You have 30 days from delivery to return unworn items with their tags. Go to Orders, pick the jacket and select Return item; print the prepaid label and drop the parcel at any post office. The refund reaches your card within 5 business days of us receiving it.']),
  c('returns', ['Do I have to pay for return shipping?', 'Returns are free within the EU, the UK and the US with the prepaid label from your account. For other countries the return shipping is deducted from the refund, and the label page shows the exact amount before you confirm.']),
  c('returns', ['I returned boots two weeks ago and still have no refund.', 'I am sorry about that. I can see the boots reached our warehouse on the 3rd but the refund was held for inspection. I have released it now: you will see it on your statement within 3 business days, and you will get an email as soon as it is sent.']),
  c('returns', ['Can I exchange trousers for a different size instead of returning them?', 'Yes. Choose Exchange instead of Return on the item, pick the new size and we ship it as soon as the carrier scans your parcel, so you do not wait for the return to arrive. If the size is out of stock we refund you instead.']),
  c('billing', ['I was charged twice for the same order.', 'Thank you for flagging it. The second charge is a pre-authorisation from a payment that did not complete; it is not a real charge and your bank releases it automatically within 7 days. If it is still there after that, send me a screenshot of the statement and I will chase it with our payment provider.']),
  c('billing', ['Can I pay with PayPal?', 'Yes, PayPal is available at checkout in every country we ship to, along with cards, Apple Pay and Google Pay. Choose PayPal on the payment step and you will be redirected to log in.']),
  c('billing', ['Where can I download an invoice for my company?', 'Open Orders, select the order and choose Download invoice. To add your company name and VAT number, edit them under Account > Billing details before downloading; the invoice is regenerated with them.']),
  c('billing', ['My discount code SPRING20 does not work.', 'SPRING20 ended on 31 March, which is why checkout rejects it. The current offer is 15% off outdoor footwear with code TRAIL15 until the end of the month. If you placed an order in the last 24 hours with the old code in mind, I can apply the difference as a refund.']),
  c('account', ['I forgot my password.', 'Select Forgot password on the sign-in page and enter your email address; we send a reset link valid for one hour. If the email does not arrive within a few minutes, check your spam folder or tell me the address and I will resend it.']),
  c('account', ['How do I delete my account?', 'Go to Account > Privacy and choose Delete account. We erase your personal data within 30 days, except invoices we must keep for tax purposes. Open orders and returns need to be completed first.']),
  c('account', ['I want to stop receiving marketing emails.', 'Use the Unsubscribe link at the bottom of any newsletter, or turn off Marketing emails under Account > Notifications. Order and delivery emails continue, since they are about purchases you made.']),
  c('products', ['Is the Ridgeline 2 tent waterproof?', 'Yes. The Ridgeline 2 has a 3000 mm hydrostatic head on the fly and 5000 mm on the floor, with taped seams, so it stays dry in sustained heavy rain. Re-proof the fly every couple of seasons to keep water beading off.']),
  c('products', ['What size should I take in the Alpine down jacket? I am 178 cm and usually wear M.', 'The Alpine runs true to size with room for a fleece underneath, so M is right for you. If you want to layer a thick mid-layer or prefer a looser fit, go one size up; the size chart on the product page lists chest measurements.']),
  c('products', ['Do the Summit hiking boots need breaking in?', 'A little. They have a stiff sole for rocky terrain, so wear them around the house and on short walks for about a week before a long hike. The leather softens quickly and the footbed moulds to your foot.']),
  c('products', ['When will the Trailblazer backpack be back in stock?', 'The 45-litre Trailblazer is expected back in our warehouse in about three weeks. Select Notify me on the product page and we will email you the moment it is available; the 35-litre version is in stock now if that size works for you.']),
  c('shipping', ['Do you ship to Norway?', 'Yes, we ship to Norway in 3 to 6 business days. Because Norway is outside the EU, import VAT is collected by the carrier at delivery; the checkout shows an estimate before you pay.']),
  c('shipping', ['How much is express delivery?', 'Express delivery costs 9.95 and arrives the next business day when you order before 2 pm. Standard delivery is free on orders over 50 and takes 2 to 4 business days.']),
  c('shipping', ['The parcel arrived damaged.', 'I am sorry it arrived that way. Please send a photo of the parcel and of the damaged item by replying here. Once I have them I will ship a replacement right away; you do not need to return the damaged one.']),
  c('warranty', ['The zipper on my two-month-old jacket broke.', 'That should not happen so soon, and it is covered by our two-year warranty. Start a warranty claim under Orders > Get help with a photo of the zipper; we will repair it free of charge or replace the jacket if a repair is not possible.']),
  c('warranty', ['Does the warranty cover wear and tear?', 'The two-year warranty covers defects in materials and workmanship, not normal wear, accidents or damage from misuse. For worn items we offer a paid repair service at a reduced rate; I can give you a quote if you describe the damage.']),
  c('escalation', ['This is the third time I am contacting you and nobody has helped me.', 'I am sorry you have had to chase us. I have read the previous messages and I am taking ownership of this case myself. Give me a moment to check the order status, and I will stay on this conversation until it is resolved.']),
  c('escalation', ['I want to speak to a manager.', 'I understand. I have passed your case to a team lead, who will call you within one business day at the number on your account. In the meantime, tell me what went wrong and I will add it to the case so you do not have to repeat yourself.']),
  c('stores', ['What are the opening hours of your Berlin store?', 'Our Berlin store on Friedrichstrasse is open Monday to Saturday from 10 am to 8 pm and closed on Sundays and public holidays. You can also pick up online orders there free of charge.']),
  c('stores', ['Can I return an online order in a store?', 'Yes. Bring the item and the order confirmation to any of our stores within 30 days; the refund goes back to the original payment method. Store staff can also exchange sizes on the spot if they have stock.']),
  c('orders', ['Can I add an item to an order I already placed?', 'Orders cannot be changed after payment, but if you place a second order within two hours, I can combine the shipments so you pay shipping only once. Let me know once it is placed.']),
];

/** The last conversations are held out for validation, the rest train. */
export const SUPPORT_VALIDATION_COUNT = 6;

/** One Gemini supervised-tuning example per conversation. */
export function toTuningLine(conversation: SupportConversation): string {
  const contents = conversation.turns.flatMap((t) => [
    { role: 'user', parts: [{ text: t.user }] },
    { role: 'model', parts: [{ text: t.model }] },
  ]);
  return JSON.stringify({ contents });
}
