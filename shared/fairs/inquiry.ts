export type InquiryStatus = 'new' | 'replied' | 'closed';

export interface InquiryMessage {
  from: 'buyer' | 'exhibitor';
  text: string;
  at: string;
}

/** A trade inquiry to one booth; only its exhibitor (and admins) read it, through authenticated routes. */
export interface Inquiry {
  id: string;
  fairId: string;
  boothNo: number;
  producerId: string;
  company: string;
  country: string;
  contactName: string;
  contactEmail: string;
  product: string;
  quantity: string;
  status: InquiryStatus;
  messages: InquiryMessage[];
  createdAt: string;
  updatedAt: string;
}
